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

    /// <summary>
    /// A command from a button, reported as a flash message for the redirect that follows (the success
    /// message, or the refusal); true when it succeeded.
    /// </summary>
    protected async Task<bool> TryFlashAsync(Func<Task> action, string? success)
    {
        if (!await TryAsync(action))
        {
            FlashError(ErrorText);
            return false;
        }
        if (success is not null)
            FlashSuccess(success);
        return true;
    }

    /// <summary>An htmx request for a part of the page (not a history restore, which wants the whole page).</summary>
    protected bool IsHtmxFragment => Request.Headers.ContainsKey("HX-Request") && !Request.Headers.ContainsKey("HX-History-Restore-Request");

    /// <summary>The form errors as one sentence, for a flash message after a redirect.</summary>
    protected string ErrorText => string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));

    protected void AddErrors(IdentityResult result)
    {
        foreach (var error in result.Errors)
            ModelState.AddModelError(string.Empty, error.Description);
    }
}
