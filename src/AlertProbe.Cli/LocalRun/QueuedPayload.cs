namespace AlertProbe.Cli.LocalRun;

/// <summary>A payload file put on the in-process <c>alerts</c> queue.</summary>
/// <param name="File">The path as the user wrote it.</param>
/// <param name="MessageId">Its message id (a hash of the body).</param>
/// <param name="Duplicate">Dropped by duplicate detection: an earlier file had the same body.</param>
internal sealed record QueuedPayload(string File, string MessageId, bool Duplicate);
