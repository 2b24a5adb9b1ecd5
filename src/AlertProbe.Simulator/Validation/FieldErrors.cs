using AlertProbe.Simulator.Api;

namespace AlertProbe.Simulator.Validation;

/// <summary>Builds the field errors of a 400, one per problem, with stable codes.</summary>
internal sealed class FieldErrors
{
    private readonly List<FieldErrorBody> _errors = [];

    public IReadOnlyList<FieldErrorBody> All => _errors;

    public bool Any => _errors.Count > 0;

    public void Missing(string field) => Add(new("MISSING_FIELD", field, $"{field} is required."));

    public void WrongType(string field, string expected) => Add(new("INVALID_TYPE", field, $"{field} must be {expected}."));

    public void Invalid(string field, string message) => Add(new("INVALID_VALUE", field, message));

    /// <summary>A field the version's request schema for the type does not list.</summary>
    public void Unknown(string field) => Add(new("UNKNOWN_FIELD", field, $"{field} is not a field of this instant test's request schema."));

    public void UnknownAgent(string field, string agentId) => Add(new("INVALID_AGENT", field, $"{field}: no agent with id {agentId} in this account group."));

    // The strict field check and the definition check may both notice one problem: report it once.
    private void Add(FieldErrorBody error)
    {
        if (!_errors.Any(e => e.Code == error.Code && e.Field == error.Field))
        {
            _errors.Add(error);
        }
    }
}
