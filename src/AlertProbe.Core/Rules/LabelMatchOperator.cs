namespace AlertProbe.Core.Rules;

/// <summary>Prometheus matcher operators: <c>=</c>, <c>!=</c>, <c>=~</c>, <c>!~</c>.</summary>
public enum LabelMatchOperator
{
    Equal,
    NotEqual,
    Regex,
    NotRegex,
}
