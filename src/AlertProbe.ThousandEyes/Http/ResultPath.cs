using AlertProbe.ThousandEyes.Results;

namespace AlertProbe.ThousandEyes.Http;

/// <summary>Recognises ThousandEyes results paths: <c>/v6/net/metrics/{id}</c>, <c>/v7/test-results/{id}/network</c>.</summary>
internal static class ResultPath
{
    public sealed record Parts(ThousandEyesApiVersion Version, string TestId, TestResultFamily? Family);

    public static Parts? Parse(Uri uri)
    {
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var start = Array.FindIndex(segments, s => s is "v6" or "v7");
        if (start < 0)
        {
            return null;
        }

        var rest = segments[(start + 1)..];
        if (segments[start] == "v7")
        {
            // test-results/{id}/{family}
            return rest.Length >= 3 && rest[0] == "test-results"
                ? new Parts(ThousandEyesApiVersion.V7, Uri.UnescapeDataString(rest[1]), TestResultFamily.Find(rest[2]))
                : null;
        }

        // {area}/{kind}/{id}[.json]
        if (rest.Length < 3)
        {
            return null;
        }

        var id = Uri.UnescapeDataString(rest[2]);
        id = id.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? id[..^5] : id;
        return new Parts(ThousandEyesApiVersion.V6, id, TestResultFamily.All.FirstOrDefault(f => f.V6Path == $"{rest[0]}/{rest[1]}"));
    }
}
