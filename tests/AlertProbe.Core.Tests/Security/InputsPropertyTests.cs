using System.Text;
using System.Text.Json;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.Alerts.Reading;
using AlertProbe.Core.Ingress.Chat;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Tests.Alerts;
using AlertProbe.ThousandEyes.Errors;
using CsCheck;

namespace AlertProbe.Core.Tests.Security;

/// <summary>
/// Property-based tests (CsCheck) for the reader and every parser: whatever bytes, strings or JSON mutations arrive,
/// the result is a rejection or a parse — never an exception — and an unreadable string is always InvalidJson.
/// </summary>
public sealed class InputsPropertyTests
{
    private static readonly string[] Hints = ["auto", "manual", "azure-monitor", "alertmanager", "grafana", "pagerduty", "servicenow", "cloudevents"];

    private static readonly AlertPayloadParser Parser = new();

    private static readonly string[] Fixtures = [.. HostileValueInjection.FixtureNames()];

    /// <summary>Any UTF-16 text, lone surrogates included, written as a JSON string with every char escaped as \uXXXX.</summary>
    private static readonly Gen<string> AnyUtf16 = Gen.Char.Array[0, 24].Select(chars => new string(chars));

    private static string EscapedJsonString(string text) =>
        "\"" + string.Concat(text.Select(c => $"\\u{(int)c:X4}")) + "\"";

    private static bool IsWellFormedUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static void AssertSettles(AlertParseResult result) =>
        Assert.True(result.IsRejected || result.Format is not null, "neither rejected nor recognised");

    [Fact]
    public void Arbitrary_bytes_never_throw_under_any_hint()
    {
        Gen.Select(Gen.Byte.Array[0, 600], Gen.Int[0, Hints.Length - 1]).Sample(
            (bytes, hint) => AssertSettles(Parser.Parse(bytes, new PayloadHints { Source = Hints[hint] })),
            iter: 3000);
    }

    [Fact]
    public void Any_string_escaped_into_any_fixture_field_parses_or_is_invalid_json_exactly_when_it_is_not_utf16()
    {
        Gen.Select(Gen.Int[0, Fixtures.Length - 1], Gen.Int[0, 1000], AnyUtf16, Gen.Int[0, Hints.Length - 1]).Sample(
            (fixture, leaf, text, hint) =>
            {
                var variants = HostileValueInjection.ReplaceEachLeaf(AlertFixtures.Text(Fixtures[fixture]), EscapedJsonString(text)).ToList();
                var (_, json) = variants[leaf % variants.Count];

                var result = Parser.Parse(Encoding.UTF8.GetBytes(json), new PayloadHints { Source = Hints[hint] });

                AssertSettles(result);
                if (!IsWellFormedUtf16(text))
                {
                    Assert.Equal(RejectionReasons.InvalidJson, result.Rejection?.Reason);
                }
            },
            iter: 1500);
    }

    [Fact]
    public void Any_json_value_or_raw_text_in_any_fixture_field_never_throws()
    {
        var rawValue = Gen.OneOf(
            Gen.Long.Select(value => value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Gen.Double.Select(value => double.IsFinite(value) ? value.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "1e400"),
            Gen.OneOf("null", "true", "{}", "[]", "[[]]", "{\"a\":[{}]}", "\"\"", "1e400", "-0", "\"\\u0000\"", "99999999999999999999999"),
            Gen.String[0, 30].Select(text => JsonSerializer.Serialize(text)),
            Gen.Char.Array[0, 12].Select(chars => new string(chars)));
        Gen.Select(Gen.Int[0, Fixtures.Length - 1], Gen.Int[0, 1000], rawValue, Gen.Int[0, Hints.Length - 1]).Sample(
            (fixture, leaf, raw, hint) =>
            {
                var variants = HostileValueInjection.ReplaceEachLeaf(AlertFixtures.Text(Fixtures[fixture]), raw).ToList();
                var (_, json) = variants[leaf % variants.Count];

                AssertSettles(Parser.Parse(Encoding.UTF8.GetBytes(json), new PayloadHints { Source = Hints[hint] }));
            },
            iter: 1500);
    }

    [Fact]
    public void The_string_scanner_flags_exactly_the_strings_system_text_json_cannot_read()
    {
        // The oracle is System.Text.Json itself: GetString throws on precisely the texts the scanner must refuse.
        AnyUtf16.Sample(
            text =>
            {
                var json = "{\"k\":" + EscapedJsonString(text) + "}";
                using var document = JsonDocument.Parse(json);
                bool readable;
                try
                {
                    _ = document.RootElement.GetProperty("k").GetString();
                    readable = true;
                }
                catch (InvalidOperationException)
                {
                    readable = false;
                }

                Assert.Equal(readable, JsonStringScanner.FindUnreadableString(Encoding.UTF8.GetBytes(json), 64) is null);
            },
            iter: 5000);
    }

    [Fact]
    public void Chat_commands_never_throw_on_any_text()
    {
        var words = Gen.OneOf(
            Gen.OneOf("http", "page", "server", "dns", "dnssec", "from", "agents", "in", "label", "rerun", "every", "help", "3", "5m", "US,DE", "<https://x.example.com|x>", "&amp;", "<at>AlertProbe</at>"),
            Gen.String[0, 12],
            Gen.Char.Array[0, 8].Select(chars => new string(chars)));
        Gen.Select(words, words, words, words, words).Select((a, b, c, d, e) => new[] { a, b, c, d, e }).Select(parts => string.Join(' ', parts)).Sample(
            text => Assert.NotNull(ChatCommandParser.Parse(text)),
            iter: 3000);
    }

    [Fact]
    public void A_remembered_secret_never_survives_redaction_wherever_it_is_embedded()
    {
        var secret = Gen.Char['!', '~'].Array[SecretRedactor.MinimumSecretLength, 40].Select(chars => new string(chars));
        Gen.Select(secret, Gen.String[0, 40], Gen.String[0, 40]).Sample(
            (value, before, after) =>
            {
                SecretRedactor.Remember(value);

                Assert.DoesNotContain(value, SecretRedactor.Redact(before + value + after)!, StringComparison.Ordinal);
            },
            iter: 2000);
    }
}
