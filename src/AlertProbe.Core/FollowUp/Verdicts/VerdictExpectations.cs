namespace AlertProbe.Core.FollowUp.Verdicts;

/// <summary>
/// What a rule expects of its test's results beyond the thresholds: the DNS answers that are right (any answer
/// outside them is a wrong answer) and the HTTP status codes that count as success. Empty means "not checked":
/// without expected answers a DNS answer is never judged, and without status codes ThousandEyes' own errorType
/// (which already applies the test's desired status code) decides.
/// </summary>
public sealed record VerdictExpectations
{
    public static VerdictExpectations None { get; } = new();

    /// <summary>Addresses or names a DNS answer must contain one of (compared case-insensitively, trailing dots ignored).</summary>
    public IReadOnlyList<string> DnsAnswers { get; init; } = [];

    /// <summary>HTTP/FTP response codes that are success; empty: trust the row's errorType.</summary>
    public IReadOnlyList<int> StatusCodes { get; init; } = [];
}
