using AlertProbe.Simulator.Api;

namespace AlertProbe.Simulator.Validation;

/// <summary>Builds the field errors of a 400, one per problem, with stable codes.</summary>
internal sealed class FieldErrors
{
    private readonly List<FieldErrorBody> _errors = [];

    public IReadOnlyList<FieldErrorBody> All => _errors;

    public bool Any => _errors.Count > 0;

    public void Missing(string field) => _errors.Add(new("MISSING_FIELD", field, $"{field} is required."));

    public void WrongType(string field, string expected) => _errors.Add(new("INVALID_TYPE", field, $"{field} must be {expected}."));

    public void Invalid(string field, string message) => _errors.Add(new("INVALID_VALUE", field, message));

    public void UnknownAgent(string field, string agentId) => _errors.Add(new("INVALID_AGENT", field, $"{field}: no agent with id {agentId} in this account group."));
}
