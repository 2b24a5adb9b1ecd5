namespace AlertProbe.Functions.Health;

/// <summary>The secret values known at one moment; replaces each occurrence in a text with a mask.</summary>
public sealed class RedactionSet(IReadOnlyList<string> secrets, string mask)
{
    public string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var secret in secrets)
        {
            text = text.Replace(secret, mask, StringComparison.Ordinal);
        }

        return text;
    }
}
