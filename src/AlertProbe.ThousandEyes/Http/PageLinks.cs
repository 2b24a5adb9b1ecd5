using System.Text.Json;
using System.Text.Json.Nodes;

namespace AlertProbe.ThousandEyes.Http;

/// <summary>
/// Where a listing's next page is: v7 HAL <c>_links.next.href</c> (results, agents); v6 <c>pages.next</c>, a URL
/// (results; docs/thousandeyes.md "results envelope"). A v6 page number (some proxies) is not a link to follow.
/// </summary>
internal static class PageLinks
{
    public static string? Next(JsonNode? body, ThousandEyesApiVersion version) =>
        (version == ThousandEyesApiVersion.V7 ? body?["_links"]?["next"] : body?["pages"]?["next"]) switch
        {
            JsonObject link => JsonNodeReader.AsString(link["href"]),
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            _ => null,
        };
}
