using System.Text;
using AlertProbe.Core.Alerts;

namespace AlertProbe.Core.Tests.Alerts;

/// <summary>Garbage in never throws: every input gives a success or a rejection.</summary>
public class ParserRobustnessTests
{
    public static TheoryData<string> FixtureNames => new(
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Alerts"), "*.json", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Alerts"), path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Every_truncation_of_a_fixture_gives_a_result_without_throwing(string fixture)
    {
        var parser = new AlertPayloadParser();
        var body = AlertFixtures.Bytes(fixture);
        var step = Math.Max(1, body.Length / 97);

        for (var length = 0; length < body.Length; length += step)
        {
            var result = parser.Parse(body.AsMemory(0, length), PayloadHints.None);
            Assert.True(result.IsRejected || result.Format is not null, $"{fixture} cut at {length}");
        }
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Every_fixture_with_scalars_swapped_for_nulls_numbers_and_objects_gives_a_result(string fixture)
    {
        var parser = new AlertPayloadParser();
        var text = AlertFixtures.Text(fixture);

        foreach (var replacement in new[] { "null", "0", "{}", "[]", "\"\"", "true", "-1e308" })
        {
            foreach (var mutated in ReplaceEachStringValue(text, replacement).Take(200))
            {
                var result = parser.Parse(Encoding.UTF8.GetBytes(mutated), PayloadHints.None);
                Assert.True(result.IsRejected || result.Format is not null);
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_bytes_and_random_json_shapes_are_refused_or_parsed_without_throwing(int seed)
    {
        var random = new Random(seed);
        var parser = new AlertPayloadParser();
        string[] hints = [null!, "manual", "azure-monitor", "alertmanager", "grafana", "pagerduty", "servicenow", "cloudevents"];
        for (var i = 0; i < 300; i++)
        {
            var body = i % 2 == 0 ? RandomBytes(random) : Encoding.UTF8.GetBytes(RandomJson(random, 0));
            var result = parser.Parse(body, new PayloadHints { Source = hints[random.Next(hints.Length)] });
            Assert.True(result.IsRejected || result.Format is not null);
        }
    }

    private static IEnumerable<string> ReplaceEachStringValue(string json, string replacement)
    {
        // A string value follows ": " in these indented fixtures.
        var index = 0;
        while ((index = json.IndexOf(": \"", index, StringComparison.Ordinal)) >= 0)
        {
            var end = json.IndexOf('"', index + 3);
            if (end < 0)
            {
                yield break;
            }

            yield return string.Concat(json.AsSpan(0, index + 2), replacement, json.AsSpan(end + 1));
            index = end + 1;
        }
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 512)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string RandomJson(Random random, int depth)
    {
        string[] keys = ["schemaId", "data", "essentials", "alerts", "version", "orgId", "event", "event_type", "result", "sys_id", "specversion", "id", "source", "type", "testType", "tests", "agents", "url", "labels", "status", "data_base64", "followUp", "rerun", "interval", "count", "cmdb_ci"];
        string[] scalars = ["null", "true", "0", "-1", "1e400", "\"\"", "\"4\"", "\"1.0\"", "\"azureMonitorCommonAlertSchema\"", "\"incident.triggered\"", "\"http-server\"", "\"bgp\"", "\"https://x.example.com\"", "\"PT5M\"", "\"6\"", "\"e30=\""];
        var pick = depth > 6 ? 0 : random.Next(4);
        return pick switch
        {
            1 => "[" + string.Join(",", Enumerable.Range(0, random.Next(4)).Select(_ => RandomJson(random, depth + 1))) + "]",
            2 or 3 => "{" + string.Join(",", Enumerable.Range(0, random.Next(5)).Select(_ => $"\"{keys[random.Next(keys.Length)]}\":{RandomJson(random, depth + 1)}")) + "}",
            _ => scalars[random.Next(scalars.Length)],
        };
    }
}
