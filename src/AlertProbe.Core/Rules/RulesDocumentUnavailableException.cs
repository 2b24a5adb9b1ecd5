namespace AlertProbe.Core.Rules;

/// <summary>The rules document could not be read (missing, no access, storage unreachable); the message says which and why.</summary>
public sealed class RulesDocumentUnavailableException : Exception
{
    public RulesDocumentUnavailableException()
    {
    }

    public RulesDocumentUnavailableException(string message)
        : base(message)
    {
    }

    public RulesDocumentUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
