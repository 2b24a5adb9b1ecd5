using System.Collections.Frozen;

namespace AlertProbe.ThousandEyes.Requests;

/// <summary>How a request field is written on the wire in one API version.</summary>
internal enum FieldKind
{
    /// <summary>A JSON string.</summary>
    Text,

    /// <summary>A JSON number, whole; optionally within a range or one of a set.</summary>
    Integer,

    /// <summary>On/off: v6 writes the integer 0 or 1, v7 a JSON boolean.</summary>
    Flag,

    /// <summary>A string from a fixed list, written in the version's spelling (TO_TARGET vs to-target).</summary>
    Choice,

    /// <summary>v7 only: a string of digits from a fixed list ("46"); v6 writes the same facts as <see cref="Integer"/>.</summary>
    DigitsChoice,

    /// <summary>An agent id: v6 a JSON number, v7 a string.</summary>
    AgentId,

    /// <summary>An array of <see cref="FieldSpec.Item"/>.</summary>
    List,

    /// <summary>An object with the fields in <see cref="FieldSpec.Fields"/>.</summary>
    Object,

    /// <summary>An object whose members are free (header maps).</summary>
    Map,

    /// <summary>dnsServers: v6 <c>[{"serverName":…}]</c>, v7 <c>["…"]</c>; given in either shape.</summary>
    DnsServers,
}

/// <summary>One request field of one type in one API version, as the vendor documents it.</summary>
internal sealed record FieldSpec(FieldKind Kind)
{
    public bool Required { get; init; }

    public long? Min { get; init; }

    public long? Max { get; init; }

    /// <summary>The allowed values, spelled as this version writes them (strings, or digits for integers).</summary>
    public IReadOnlyList<string>? Values { get; init; }

    public FieldSpec? Item { get; init; }

    public FrozenDictionary<string, FieldSpec>? Fields { get; init; }

    public static FieldSpec Text { get; } = new(FieldKind.Text);

    public static FieldSpec Flag { get; } = new(FieldKind.Flag);

    public static FieldSpec Integer { get; } = new(FieldKind.Integer);

    public static FieldSpec Id { get; } = new(FieldKind.AgentId);

    public static FieldSpec Map { get; } = new(FieldKind.Map);

    public static FieldSpec TextList { get; } = new(FieldKind.List) { Item = Text };

    public static FieldSpec Range(long min, long max) => new(FieldKind.Integer) { Min = min, Max = max };

    public static FieldSpec OneOf(params string[] values) => new(FieldKind.Choice) { Values = values };

    public static FieldSpec IntegerOf(params int[] values) => new(FieldKind.Integer) { Values = [.. values.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))] };

    public static FieldSpec DigitsOf(params int[] values) => new(FieldKind.DigitsChoice) { Values = [.. values.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))] };

    public static FieldSpec ObjectOf(IEnumerable<KeyValuePair<string, FieldSpec>> fields) =>
        new(FieldKind.Object) { Fields = fields.ToFrozenDictionary(StringComparer.Ordinal) };

    public static FieldSpec ListOf(FieldSpec item) => new(FieldKind.List) { Item = item };

    public FieldSpec AsRequired() => this with { Required = true };
}
