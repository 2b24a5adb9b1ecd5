using System.Diagnostics.CodeAnalysis;
using AlertProbe.Core.Outcomes;

namespace AlertProbe.Core.Messages;

/// <summary>A message body read into its contract, or the reason it could not be (a value, not an exception).</summary>
public sealed record MessageReadResult<T>
    where T : class
{
    internal MessageReadResult(T? message, Rejection? rejection)
    {
        Message = message;
        Rejection = rejection;
    }

    public T? Message { get; }

    public Rejection? Rejection { get; }

    [MemberNotNullWhen(true, nameof(Message))]
    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool IsSuccess => Message is not null;
}

/// <summary>Builds <see cref="MessageReadResult{T}"/> values.</summary>
public static class MessageReadResult
{
    public static MessageReadResult<T> Success<T>(T message)
        where T : class => new(message ?? throw new ArgumentNullException(nameof(message)), null);

    public static MessageReadResult<T> Failure<T>(Rejection rejection)
        where T : class => new(null, rejection ?? throw new ArgumentNullException(nameof(rejection)));
}
