using CentresConnectes.Platform.Contracts;
using Microsoft.AspNetCore.Identity;

namespace CentresConnectes.Platform.Application;

/// <summary>Identity's refusals (already French, see FrenchIdentityErrorDescriber) as one user-facing message.</summary>
public static class IdentityResults
{
    public static void ThrowIfFailed(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new BusinessException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
