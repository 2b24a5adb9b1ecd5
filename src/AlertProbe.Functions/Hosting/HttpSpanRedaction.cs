namespace AlertProbe.Functions.Hosting;

/// <summary>Small pure helpers of <see cref="OpenTelemetryHosting"/>, public for their tests.</summary>
public static class HttpSpanRedaction
{
    /// <summary><c>https://hooks.slack.com/…</c>: scheme, host and port, the path and query left out.</summary>
    public static string HostOnly(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.IsAbsoluteUri ? $"{uri.GetLeftPart(UriPartial.Authority)}/…" : "(relative URL)";
    }

    /// <summary>The client id of <c>ClientId=…;Authorization=AAD</c>, or null when the string does not ask for Entra ID.</summary>
    public static string? ManagedIdentityClientId(string? authenticationString)
    {
        if (string.IsNullOrWhiteSpace(authenticationString))
        {
            return null;
        }

        var parts = authenticationString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        return parts.TryGetValue("Authorization", out var mode) && string.Equals(mode, "AAD", StringComparison.OrdinalIgnoreCase)
            && parts.TryGetValue("ClientId", out var clientId) && clientId.Length > 0
            ? clientId
            : null;
    }
}
