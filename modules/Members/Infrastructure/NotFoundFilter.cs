using CentresConnectes.Platform.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CentresConnectes.Members.Infrastructure;

/// <summary>
/// Another structure's id (or no id at all) answers 404 on this module's pages. Platform registers
/// the same filter with <c>Conventions.ConfigureFilter</c>, which only reaches pages outside areas;
/// this module's pages live in the "Members" area, so the filter is added for the area here.
/// </summary>
internal sealed class NotFoundFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is EntityNotFoundException or CrossTenantWriteException && !executed.ExceptionHandled)
        {
            executed.Result = new NotFoundResult();
            executed.ExceptionHandled = true;
        }
    }
}
