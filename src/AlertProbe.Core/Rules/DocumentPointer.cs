using System.Globalization;
using System.Text;

namespace AlertProbe.Core.Rules;

/// <summary>JSON Pointers (RFC 6901) into a rules document, and their human form <c>rules[2].tests[0].type</c>.</summary>
internal static class DocumentPointer
{
    public static string Append(string pointer, string segment) =>
        pointer + "/" + segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public static string Append(string pointer, int index) => pointer + "/" + index.ToString(CultureInfo.InvariantCulture);

    public static string? Parent(string pointer)
    {
        if (pointer.Length == 0)
        {
            return null;
        }

        return pointer[..pointer.LastIndexOf('/')];
    }

    public static string ToDisplayPath(string pointer)
    {
        if (pointer.Length == 0)
        {
            return string.Empty;
        }

        var path = new StringBuilder();
        foreach (var raw in pointer[1..].Split('/'))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (segment.Length > 0 && segment.All(char.IsAsciiDigit))
            {
                path.Append('[').Append(segment).Append(']');
            }
            else if (segment.Length > 0 && segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                if (path.Length > 0)
                {
                    path.Append('.');
                }

                path.Append(segment);
            }
            else
            {
                path.Append("[\"").Append(segment).Append("\"]");
            }
        }

        return path.ToString();
    }

    public static bool IsSameOrBelow(string pointer, string ancestor) =>
        pointer == ancestor || pointer.StartsWith(ancestor + "/", StringComparison.Ordinal);
}
