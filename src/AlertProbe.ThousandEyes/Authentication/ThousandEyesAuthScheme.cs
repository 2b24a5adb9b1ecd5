namespace AlertProbe.ThousandEyes.Authentication;

/// <summary>How the client authenticates.</summary>
public enum ThousandEyesAuthScheme
{
    /// <summary>OAuth bearer token (v6 and v7).</summary>
    Bearer,

    /// <summary>Basic email:basic-token (v6 only; not offered in the EU region).</summary>
    Basic,
}
