using CentresConnectes.Platform.Contracts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CentresConnectes.Platform.Infrastructure;

/// <summary>Base page: flash messages and the usual translation of refusals into form errors.</summary>
public abstract class AppPageModel : PageModel
{
    protected void FlashSuccess(string message) => TempData["Flash.Success"] = message;

    protected void FlashError(string message) => TempData["Flash.Error"] = message;

    /// <summary>Runs a command; a refusal becomes a form error and the caller shows the page again.</summary>
    protected async Task<bool> TryAsync(Func<Task> action)
    {
        try
        {
            await action();
            return true;
        }
        catch (BusinessException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return false;
        }
    }

    /// <summary>The form errors as one sentence, for a flash message after a redirect.</summary>
    protected string ErrorText => string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));

    protected void AddErrors(IdentityResult result)
    {
        foreach (var error in result.Errors)
            ModelState.AddModelError(string.Empty, error.Description);
    }
}
