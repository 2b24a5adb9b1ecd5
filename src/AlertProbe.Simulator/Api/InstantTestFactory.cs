using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlertProbe.Simulator.Api.V6;
using AlertProbe.Simulator.Api.V7;
using AlertProbe.Simulator.Catalog;
using AlertProbe.Simulator.State;
using AlertProbe.Simulator.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace AlertProbe.Simulator.Api;

/// <summary>Creates an instant test for either version: checks the type and body, stores the test with its first run, answers 201.</summary>
internal static class InstantTestFactory
{
    public static async Task<IResult> CreateAsync(HttpContext context, ApiVersion version, string typeSegment, SimulatorState state, ILogger logger)
    {
        if (string.Equals(typeSegment, "bgp", StringComparison.OrdinalIgnoreCase))
        {
            return ApiErrors.Result(StatusCodes.Status400BadRequest, "BGP tests are not supported as instant tests.",
                [new FieldErrorBody("UNSUPPORTED_TEST_TYPE", "type", "bgp has no instant test.")]);
        }

        var type = TestTypes.Find(version, typeSegment);
        if (type is null)
        {
            return ApiErrors.NotFound($"Unknown instant test type '{typeSegment}' in {Name(version)}.");
        }

        if (!context.Request.HasJsonContentType())
        {
            return ApiErrors.Result(StatusCodes.Status415UnsupportedMediaType,
                "The request body must be sent as application/json (Content-Type header).");
        }

        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            return ApiErrors.Result(StatusCodes.Status400BadRequest, "The request body must be a JSON object.",
                [new FieldErrorBody("INVALID_BODY", "body", "The request body must be a JSON object.")]);
        }

        var errors = new FieldErrors();
        RequestFieldValidator.Check(version, type, body, errors);
        var validated = DefinitionValidator.Validate(version, type, body, errors);
        if (body["testName"] is { } nameNode && !JsonFields.IsNonEmptyString(nameNode))
        {
            errors.WrongType("testName", "a non-empty string");
        }

        if (validated is null || errors.Any)
        {
            var versionName = Name(version);
            var invalidFields = errors.All.Count;
            Log.TestRefused(logger, versionName, typeSegment, invalidFields);
            return ApiErrors.BadRequest(errors.All);
        }

        var account = AccountContext.Of(context);
        var now = state.TimeProvider.GetUtcNow();
        var id = state.NextTestId();
        var testId = id.ToString(CultureInfo.InvariantCulture);
        var testName = JsonFields.AsString(body["testName"]) ?? $"Instant {typeSegment} test {testId}";
        var baseUrl = $"{context.Request.Scheme}://{context.Request.Host}";
        var definition = version == ApiVersion.V6
            ? V6TestRepresentation.Definition(id, testName, type, body, validated, now, baseUrl, account)
            : V7TestRepresentation.Definition(testId, testName, type, body, validated, now, baseUrl, account);

        var test = new CreatedTest
        {
            TestId = testId, TestType = typeSegment, ApiVersion = version, AccountGroupId = account.Aid, TestName = testName,
            Target = validated.Target, Definition = definition, Agents = validated.Agents, CreatedAt = now, Rounds = [],
        };
        if (!state.TryAdd(test))
        {
            return ApiErrors.BadRequest([new FieldErrorBody("DUPLICATE_NAME", "testName", $"testName '{testName}' is already used in this account group.")]);
        }

        var createdVersion = Name(version);
        var target = validated.Target;
        Log.TestCreated(logger, createdVersion, typeSegment, testId, target);
        if (version == ApiVersion.V6)
        {
            return HttpResults.Content(new JsonObject { ["test"] = new JsonArray(definition.DeepClone()) }.ToJsonString(),
                "application/json", statusCode: StatusCodes.Status201Created);
        }

        context.Response.Headers.Location = V7TestRepresentation.SelfHref(baseUrl, type, testId, account);
        return HttpResults.Content(V7TestRepresentation.ForResponse(definition, context.Request).ToJsonString(), "application/hal+json", statusCode: StatusCodes.Status201Created);
    }

    private static string Name(ApiVersion version) => version == ApiVersion.V6 ? "v6" : "v7";

    private static async Task<JsonObject?> ReadBodyAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false) as JsonObject;
        }
        catch (JsonException)
        {
            // Malformed JSON is the client's mistake: answered as 400 by the caller.
            return null;
        }
    }
}
