namespace AlertProbe.ThousandEyes.Http;

/// <summary>What a request does; the retry policy depends on it.</summary>
internal enum ThousandEyesOperation
{
    Read,
    CreateInstantTest,
    Rerun,
}
