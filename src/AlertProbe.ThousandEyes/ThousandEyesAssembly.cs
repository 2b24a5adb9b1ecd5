namespace AlertProbe.ThousandEyes;

internal static class ThousandEyesAssembly;
