using System.Text.Json;

namespace AlertProbe.Core.Alerts.Formats;

/// <summary>One source format: recognises its payloads and turns them into alerts (or a rejection).</summary>
internal interface IAlertFormat
{
    AlertSource Source { get; }

    /// <summary>How the format is recognised, for the "tried" list of an unknown-format rejection.</summary>
    string Signature { get; }

    bool Recognises(JsonElement root);

    /// <summary>Parses a payload; must not throw, also when the payload is not of this format (a hint forced it).</summary>
    AlertParseResult Parse(JsonElement root, PayloadHints hints);
}
