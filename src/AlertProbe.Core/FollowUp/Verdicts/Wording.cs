using System.Globalization;

namespace AlertProbe.Core.FollowUp.Verdicts;

/// <summary>Culture-invariant numbers and sentences for reasons and evidence.</summary>
internal static class Wording
{
    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public static string Agents(int count) => count == 1 ? "1 agent" : Invariant($"{count} agents");

    public static string List(IEnumerable<string> items) => string.Join(", ", items);
}
