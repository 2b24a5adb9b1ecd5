namespace AlertProbe.Core.Alerts.Reading;

/// <summary>
/// Finds how deeply a (possibly invalid) JSON text nests, without parsing it, so that a body the parser
/// refused can be reported as too deep rather than merely invalid.
/// </summary>
internal static class JsonNestingScanner
{
    public static bool ExceedsDepth(ReadOnlySpan<byte> utf8Json, int maxDepth)
    {
        var depth = 0;
        var inString = false;
        var escaped = false;
        foreach (var b in utf8Json)
        {
            if (inString)
            {
                if (escaped)
                {
                    escaped = false;
                }
                else if (b == (byte)'\\')
                {
                    escaped = true;
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }

                continue;
            }

            switch (b)
            {
                case (byte)'"':
                    inString = true;
                    break;
                case (byte)'{' or (byte)'[':
                    if (++depth > maxDepth)
                    {
                        return true;
                    }

                    break;
                case (byte)'}' or (byte)']':
                    depth--;
                    break;
            }
        }

        return false;
    }
}
