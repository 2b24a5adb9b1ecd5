using Azure;
using Azure.Security.KeyVault.Secrets;
using Moq;

namespace AlertProbe.Core.Tests.KeyVault;

/// <summary>A Moq'd Key Vault <see cref="SecretClient"/> (no local Key Vault exists) returning a sequence of values.</summary>
internal static class SecretClientMock
{
    public static Mock<SecretClient> Returning(string name, params string[] values)
    {
        var mock = new Mock<SecretClient>();
        var setup = mock.SetupSequence(client => client.GetSecretAsync(name, null, It.IsAny<CancellationToken>()));
        foreach (var value in values)
        {
            setup = setup.ReturnsAsync(Response.FromValue(SecretModelFactory.KeyVaultSecret(SecretModelFactory.SecretProperties(name: name), value), Mock.Of<Response>()));
        }

        return mock;
    }
}
