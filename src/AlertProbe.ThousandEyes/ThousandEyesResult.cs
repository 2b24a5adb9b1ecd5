using System.Diagnostics.CodeAnalysis;
using AlertProbe.ThousandEyes.Errors;
using AlertProbe.ThousandEyes.RateLimiting;

namespace AlertProbe.ThousandEyes;

/// <summary>
/// The outcome of a ThousandEyes call: a value, or a typed <see cref="ThousandEyesError"/>. Either way it carries
/// the rate-limit state of the last response (null when no response arrived).
/// </summary>
public sealed class ThousandEyesResult<T>
{
    public ThousandEyesResult(T value, RateLimitSnapshot? rateLimits)
    {
        Value = value;
        RateLimits = rateLimits;
    }

    public ThousandEyesResult(ThousandEyesError error, RateLimitSnapshot? rateLimits)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
        RateLimits = rateLimits;
    }

    public T? Value { get; }

    public ThousandEyesError? Error { get; }

    public RateLimitSnapshot? RateLimits { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public override string ToString() => IsSuccess ? $"Success({Value})" : $"Failure({Error.Message})";
}
