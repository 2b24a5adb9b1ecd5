using System.Text.Json.Nodes;

namespace AlertProbe.ThousandEyes.Requests;

/// <summary>An instant test request as it goes on the wire for one API version.</summary>
/// <param name="ApiVersion">The version the body and path are for.</param>
/// <param name="Path">The path relative to the base URL, e.g. <c>v6/instant/http-server</c> or <c>v7/tests/http-server/instant</c>.</param>
/// <param name="Body">The JSON body, already converted (ids, enum case, booleans, shapes).</param>
/// <param name="DroppedFields">Fields the instant API ignores, left out of <paramref name="Body"/>.</param>
public sealed record InstantTestWireRequest(
    ThousandEyesApiVersion ApiVersion,
    string Path,
    JsonObject Body,
    IReadOnlyList<string> DroppedFields);
