namespace AlertProbe.ThousandEyes.Errors;

/// <summary>403: authenticated, but not allowed.</summary>
/// <param name="Hint">The permission probably missing, or the account group the user is probably not assigned to.</param>
/// <param name="Detail">What ThousandEyes said, when it said anything.</param>
public sealed record ForbiddenError(string Hint, string? Detail) : ThousandEyesError
{
    public override string Message => Detail is null
        ? $"ThousandEyes refused the call (403): {Hint}"
        : $"ThousandEyes refused the call (403): {Detail}. {Hint}";
}
