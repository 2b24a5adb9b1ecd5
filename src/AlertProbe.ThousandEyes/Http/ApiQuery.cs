namespace AlertProbe.ThousandEyes.Http;

/// <summary>
/// A query string built once, the same way for every call: each name and value escaped, a list as its items escaped
/// one by one and joined by commas (the vendor's list form, <c>agentTypes=cloud,enterprise</c>), unset values left out.
/// </summary>
internal sealed class ApiQuery
{
    private readonly List<string> _pairs = [];

    public ApiQuery Add(string name, string? value)
    {
        if (value is not null)
        {
            _pairs.Add($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}");
        }

        return this;
    }

    public ApiQuery AddList(string name, params IEnumerable<string> values)
    {
        _pairs.Add($"{Uri.EscapeDataString(name)}={string.Join(',', values.Select(Uri.EscapeDataString))}");
        return this;
    }

    public ApiQuery AddRange(IEnumerable<(string Name, string Value)> parameters)
    {
        foreach (var (name, value) in parameters)
        {
            Add(name, value);
        }

        return this;
    }

    /// <summary><paramref name="path"/> (relative to the API root) with this query.</summary>
    public Uri ToRelativeUri(string path) =>
        new(_pairs.Count == 0 ? path : $"{path}?{string.Join('&', _pairs)}", UriKind.Relative);

    /// <summary><paramref name="uri"/> with these parameters appended to its own query.</summary>
    public Uri AppendTo(Uri uri)
    {
        if (_pairs.Count == 0)
        {
            return uri;
        }

        var builder = new UriBuilder(uri);
        builder.Query = (builder.Query.Length > 1 ? builder.Query[1..] + "&" : string.Empty) + string.Join('&', _pairs);
        return builder.Uri;
    }
}
