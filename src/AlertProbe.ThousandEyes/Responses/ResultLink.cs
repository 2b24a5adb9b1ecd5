using AlertProbe.ThousandEyes.Results;

namespace AlertProbe.ThousandEyes.Responses;

/// <summary>A results link from a create response (v6 <c>apiLinks</c> rel=data, v7 <c>_links.testResults</c>).</summary>
/// <param name="Href">As ThousandEyes gave it (absolute).</param>
/// <param name="Family">The results family the path names; null when not recognised.</param>
public sealed record ResultLink(string Href, TestResultFamily? Family);
