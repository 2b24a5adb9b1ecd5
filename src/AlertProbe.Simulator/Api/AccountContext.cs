using Microsoft.AspNetCore.Http;

namespace AlertProbe.Simulator.Api;

/// <summary>The account group a request works in (the <c>aid</c> query parameter, or the default group).</summary>
internal sealed record AccountContext(string Aid, bool Explicit)
{
    private const string ItemKey = "simulator.account";

    public static AccountContext Of(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var value) && value is AccountContext account
            ? account
            : new AccountContext("1234", false);

    public void Attach(HttpContext context) => context.Items[ItemKey] = this;

    /// <summary>Links keep the explicit aid, so following them stays in the same account group.</summary>
    public string Query => Explicit ? "?aid=" + Uri.EscapeDataString(Aid) : "";
}
