namespace AlertProbe.ThousandEyes.Requests;

/// <summary>One problem found in a request before any HTTP call.</summary>
/// <param name="Field">The field the problem is about, as the API names it ("url", "agents[0].agentId", "testType").</param>
/// <param name="Message">A sentence naming the field, e.g. "url is required for http-server".</param>
public sealed record ValidationProblem(string Field, string Message)
{
    public override string ToString() => Message;
}
