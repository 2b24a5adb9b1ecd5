using Microsoft.Extensions.Options;

namespace AlertProbe.Core.RateLimiting;

/// <summary>The data annotations of <see cref="RateBudgetOptions"/>, checked by generated code (no reflection).</summary>
[OptionsValidator]
internal sealed partial class RateBudgetOptionsValidator : IValidateOptions<RateBudgetOptions>;
