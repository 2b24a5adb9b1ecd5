using System.Buffers.Text;
using System.Text;
using AlertProbe.Simulator.Catalog;

namespace AlertProbe.Simulator.Auth;

/// <summary>v6 takes a bearer token or basic auth (email:token); v7 takes the bearer token only.</summary>
internal static class AuthorizationCheck
{
    public static bool IsAuthorized(ApiVersion version, string? authorization, SimulatorState state)
    {
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return false;
        }

        var value = authorization.AsSpan().Trim();
        if (value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return state.IsBearerToken(value["Bearer ".Length..].Trim());
        }

        if (version == ApiVersion.V6 && value.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            var encoded = Encoding.ASCII.GetBytes(value["Basic ".Length..].Trim().ToString());
            var decoded = new byte[Base64.GetMaxDecodedFromUtf8Length(encoded.Length)];
            return Base64.DecodeFromUtf8(encoded, decoded, out _, out var written) == System.Buffers.OperationStatus.Done
                   && state.IsBasicCredential(Encoding.UTF8.GetString(decoded, 0, written));
        }

        return false;
    }
}
