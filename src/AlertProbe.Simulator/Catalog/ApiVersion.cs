namespace AlertProbe.Simulator.Catalog;

public enum ApiVersion
{
    V6,
    V7,
}
