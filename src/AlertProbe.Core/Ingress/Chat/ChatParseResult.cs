namespace AlertProbe.Core.Ingress.Chat;

/// <summary>The outcome of parsing a chat command's text.</summary>
public abstract record ChatParseResult
{
    private ChatParseResult()
    {
    }

    public sealed record Parsed(ChatCommand Command) : ChatParseResult;

    /// <summary>The user asked for help (or typed nothing).</summary>
    public sealed record HelpRequested : ChatParseResult;

    /// <summary>Not a valid command; <paramref name="Error"/> says what to fix, in words meant for the user.</summary>
    public sealed record Invalid(string Error) : ChatParseResult;
}
