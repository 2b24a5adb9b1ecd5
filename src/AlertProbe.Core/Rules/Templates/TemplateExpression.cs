using AlertProbe.Core.Alerts;

namespace AlertProbe.Core.Rules.Templates;

/// <summary>A variable followed by helpers: <c>labels.instance | host | lower</c>.</summary>
internal sealed record TemplateExpression(string Source, TemplateVariable Variable, IReadOnlyList<TemplateHelper> Helpers)
{
    public (string? Text, TemplateFailure? Failure) Evaluate(Alert alert)
    {
        var value = Variable.Resolve(alert);
        var missing = Variable.MissingDetail;
        if (value is { Length: 0 })
        {
            // An empty label is an absent label (as in Prometheus), never an empty field sent on.
            value = null;
        }

        foreach (var helper in Helpers)
        {
            var input = value;
            var error = helper.Apply(input, out value);
            if (error is not null)
            {
                return (null, new TemplateFailure(TemplateFailureKind.InvalidValue, Variable.Name, error));
            }

            if (input is not null && string.IsNullOrEmpty(value))
            {
                // Only a later '| default' can still fill this in.
                missing = $"'| {helper.Name}' found nothing in '{input}' (add '| default \"…\"')";
                value = null;
            }
        }

        return string.IsNullOrEmpty(value)
            ? (null, new TemplateFailure(TemplateFailureKind.MissingValue, Variable.Name, missing))
            : (value, null);
    }
}
