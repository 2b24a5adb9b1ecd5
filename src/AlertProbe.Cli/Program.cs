// Placeholder entry point; replaced by the CLI.
return 0;
