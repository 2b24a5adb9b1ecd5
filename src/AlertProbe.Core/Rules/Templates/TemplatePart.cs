namespace AlertProbe.Core.Rules.Templates;

/// <summary>Literal text, or one <c>{{ }}</c> expression.</summary>
internal sealed record TemplatePart(string Text, TemplateExpression? Expression);
