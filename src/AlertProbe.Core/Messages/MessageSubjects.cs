namespace AlertProbe.Core.Messages;

/// <summary>The Service Bus <c>Subject</c> of each contract: a cheap way to tell messages apart without reading the body.</summary>
public static class MessageSubjects
{
    public const string InstantTestCreated = "InstantTestCreated";
    public const string InstantTestResults = "InstantTestResults";
}
