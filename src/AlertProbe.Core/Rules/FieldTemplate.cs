using System.Globalization;
using System.Text.Json.Nodes;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.Rules.Templates;
using AlertProbe.ThousandEyes.Requests;

namespace AlertProbe.Core.Rules;

/// <summary>
/// The value of one test field in a rule: a literal (number, boolean, null), a string template, a list or a
/// map of further field values. Rendering fills every string template from the alert.
/// </summary>
public sealed class FieldTemplate
{
    private readonly JsonNode? literal;
    private readonly Template? text;
    private readonly IReadOnlyList<FieldTemplate>? items;
    private readonly IReadOnlyList<KeyValuePair<string, FieldTemplate>>? members;

    private FieldTemplate(JsonNode? literal, Template? text, IReadOnlyList<FieldTemplate>? items, IReadOnlyList<KeyValuePair<string, FieldTemplate>>? members)
    {
        this.literal = literal;
        this.text = text;
        this.items = items;
        this.members = members;
    }

    /// <summary>The string templates inside this value.</summary>
    public IEnumerable<Template> Templates =>
        text is not null ? [text]
        : items is not null ? items.SelectMany(item => item.Templates)
        : members is not null ? members.SelectMany(member => member.Value.Templates)
        : [];

    internal static FieldTemplate Literal(JsonNode? value) => new(value, null, null, null);

    internal static FieldTemplate Text(Template template) => new(null, template, null, null);

    internal static FieldTemplate List(IReadOnlyList<FieldTemplate> items) => new(null, null, items, null);

    internal static FieldTemplate Map(IReadOnlyList<KeyValuePair<string, FieldTemplate>> members) => new(null, null, null, members);

    /// <summary>Renders the value; <paramref name="path"/> names the field in failures (e.g. "targetSipCredentials.port").</summary>
    public FieldRenderResult Render(Alert alert, string path)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(path);
        if (text is not null)
        {
            var rendered = text.Render(alert);
            if (!rendered.IsSuccess)
            {
                return FieldRenderResult.Failed(path, text.Source, rendered.Failure);
            }

            var fieldName = path[(path.LastIndexOf('.') + 1)..];
            if (InstantTestType.IntegerFields.Contains(fieldName) && !text.IsLiteral)
            {
                if (!long.TryParse(rendered.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                {
                    var failure = new TemplateFailure(TemplateFailureKind.InvalidValue, string.Join(", ", text.Variables), $"'{fieldName}' must be a whole number, got '{rendered.Value}'");
                    return FieldRenderResult.Failed(path, text.Source, failure);
                }

                return FieldRenderResult.Success(JsonValue.Create(number));
            }

            return FieldRenderResult.Success(JsonValue.Create(rendered.Value));
        }

        if (items is not null)
        {
            var array = new JsonArray();
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i].Render(alert, $"{path}[{i}]");
                if (!item.IsSuccess)
                {
                    return item;
                }

                array.Add(item.Value);
            }

            return FieldRenderResult.Success(array);
        }

        if (members is not null)
        {
            var obj = new JsonObject();
            foreach (var (name, member) in members)
            {
                var rendered = member.Render(alert, $"{path}.{name}");
                if (!rendered.IsSuccess)
                {
                    return rendered;
                }

                obj[name] = rendered.Value;
            }

            return FieldRenderResult.Success(obj);
        }

        return FieldRenderResult.Success(literal?.DeepClone());
    }
}
