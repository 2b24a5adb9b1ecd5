using System.Text.Json;
using System.Text.Json.Serialization;
using AlertProbe.Core.Ingress;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace AlertProbe.Functions.Ingress;

/// <summary>Translates ingress results to HTTP responses; nothing else decides a status code.</summary>
internal static class IngressHttpResults
{
    /// <summary>Seconds a sender should wait before retrying after a 503.</summary>
    private const string RetryAfterSeconds = "30";

    public static IActionResult From(IngressResult result, HttpResponse response) => result switch
    {
        IngressResult.Queued queued => Json(StatusCodes.Status202Accepted, JsonSerializer.Serialize(new WebhookAccepted(queued.MessageId), IngressHttpJsonContext.Default.WebhookAccepted)),
        IngressResult.Replied replied => Json(StatusCodes.Status200OK, replied.Json),
        IngressResult.Refused refused => Refused(refused, response),
        _ => throw new InvalidOperationException("Unexpected ingress result."),
    };

    public static int StatusCode(IngressRefusal refusal) => refusal switch
    {
        IngressRefusal.UnknownSource or IngressRefusal.NotConfigured => StatusCodes.Status404NotFound,
        IngressRefusal.InvalidRequest => StatusCodes.Status400BadRequest,
        // One status for every signature failure, on every route: the caller learns only "not authenticated".
        IngressRefusal.SignatureMissing or IngressRefusal.SignatureMalformed or IngressRefusal.SignatureMismatch or IngressRefusal.SignatureExpired
            => StatusCodes.Status401Unauthorized,
        IngressRefusal.BodyTooLarge => StatusCodes.Status413PayloadTooLarge,
        IngressRefusal.PolicyDenied => StatusCodes.Status422UnprocessableEntity,
        IngressRefusal.SecretUnavailable or IngressRefusal.SecretMissing or IngressRefusal.QueueUnavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static ObjectResult Refused(IngressResult.Refused refused, HttpResponse? response)
    {
        var status = StatusCode(refused.Reason);
        if (status == StatusCodes.Status503ServiceUnavailable && response is not null)
        {
            response.Headers.RetryAfter = RetryAfterSeconds;
        }

        var problem = new ProblemDetails { Status = status, Title = refused.Reason.ToString(), Detail = refused.Message };
        return new ObjectResult(problem) { StatusCode = status, ContentTypes = { "application/problem+json" } };
    }

    private static ContentResult Json(int status, string json)
        => new() { StatusCode = status, Content = json, ContentType = "application/json" };
}

internal sealed record WebhookAccepted(string MessageId);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(WebhookAccepted))]
internal sealed partial class IngressHttpJsonContext : JsonSerializerContext;
