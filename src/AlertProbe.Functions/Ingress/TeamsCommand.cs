using AlertProbe.Core.Ingress;
using AlertProbe.Core.Ingress.Chat;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace AlertProbe.Functions.Ingress;

/// <summary><c>POST /api/chat/teams</c>: a Teams outgoing webhook. Anonymous: the HMAC in <c>Authorization</c> is the authentication.</summary>
public sealed class TeamsCommand(TeamsCommandHandler handler, IOptions<IngressOptions> options)
{
    [Function(nameof(TeamsCommand))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "chat/teams")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var inbound = await InboundRequestReader.ReadAsync(request, options.Value.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (inbound is null)
        {
            return IngressHttpResults.From(IngressResult.Refused.Because(IngressRefusal.BodyTooLarge), request.HttpContext.Response);
        }

        return IngressHttpResults.From(await handler.HandleAsync(inbound, cancellationToken).ConfigureAwait(false), request.HttpContext.Response);
    }
}
