using System.Text;
using AlertProbe.Core.Alerts;

namespace AlertProbe.Core.Rules.Templates;

/// <summary>
/// A parsed field template such as <c>"https://{{ labels.instance | host }}/health"</c>. Templates are data:
/// a fixed set of variables and helpers, no reflection, no code. Values from the alert are inserted literally
/// and never parsed again, so a label that itself contains <c>{{ … }}</c> stays text.
/// </summary>
public sealed class Template
{
    private readonly IReadOnlyList<TemplatePart> parts;

    internal Template(string source, IReadOnlyList<TemplatePart> parts)
    {
        Source = source;
        this.parts = parts;
    }

    /// <summary>The template as written in the rule.</summary>
    public string Source { get; }

    /// <summary>True when the template has no <c>{{ }}</c> expression.</summary>
    public bool IsLiteral => parts.All(part => part.Expression is null);

    /// <summary>The variables the template reads, e.g. "labels.instance", "target.url".</summary>
    public IEnumerable<string> Variables => parts.Where(part => part.Expression is not null).Select(part => part.Expression!.Variable.Name);

    public static TemplateParseResult Parse(string source) => TemplateParser.Parse(source);

    /// <summary>Renders the template against an alert; a missing or unusable value is a failure, never an empty string.</summary>
    public TemplateRenderResult Render(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (parts.Count == 1 && parts[0].Expression is null)
        {
            return TemplateRenderResult.Success(parts[0].Text);
        }

        var text = new StringBuilder();
        foreach (var part in parts)
        {
            if (part.Expression is null)
            {
                text.Append(part.Text);
                continue;
            }

            var value = part.Expression.Evaluate(alert);
            if (value.Failure is not null)
            {
                return TemplateRenderResult.Failed(value.Failure);
            }

            // Appended as plain text: the value is never looked at for "{{" again.
            text.Append(value.Text);
        }

        return TemplateRenderResult.Success(text.ToString());
    }

    public override string ToString() => Source;
}
