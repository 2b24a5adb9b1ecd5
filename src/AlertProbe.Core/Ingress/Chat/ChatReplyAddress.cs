namespace AlertProbe.Core.Ingress.Chat;

/// <summary>Where the follow-up posts results: the manual request's <c>reply</c> object.</summary>
/// <param name="Kind">"slack" (a slash command's response_url) or "teams" (a Teams Workflows webhook URL).</param>
public sealed record ChatReplyAddress(string Kind, Uri Url);
