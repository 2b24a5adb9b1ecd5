using AlertProbe.Core.Ledger.Storage;

namespace AlertProbe.Core.Tests.Ledger;

public sealed class LedgerKeyTests
{
    [Theory]
    [InlineData("msg-1")]
    [InlineData("0b7c2f3a9d1e4c55:plan.0@x=y")]
    public void A_short_key_of_safe_characters_is_kept(string value)
    {
        Assert.Equal(value, LedgerKey.Encode(value));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\u0001b")]
    [InlineData("100%")]
    [InlineData("")]
    [InlineData("~already-looks-digested")]
    public void An_unsafe_key_becomes_a_digest(string value)
    {
        Assert.Matches("^~[0-9a-f]{64}$", LedgerKey.Encode(value));
    }

    [Fact]
    public void A_long_key_becomes_a_digest()
    {
        Assert.Matches("^~[0-9a-f]{64}$", LedgerKey.Encode(new string('a', 201)));
    }

    [Fact]
    public void Different_keys_get_different_digests()
    {
        Assert.NotEqual(LedgerKey.Encode("a/b"), LedgerKey.Encode("a/c"));
    }
}
