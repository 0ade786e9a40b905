using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.ReferenceData.Application;
using CentresConnectes.ReferenceData.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.ReferenceData.Areas.ReferenceData.Pages.Settings;

[RequirePermission(ReferenceDataPermissions.Manage)]
public sealed class ContactModel(StructureSettingsService settings) : AppPageModel
{
    public string StructureName { get; private set; } = "";

    [BindProperty] public ContactForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var s = await settings.GetAsync(ct);
        StructureName = s.StructureName;
        Input = new ContactForm { Address = s.Address, Phone = s.Phone, Email = s.Email, OpeningNotice = s.OpeningNotice };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await TryAsync(() => settings.UpdateContactAsync(new ContactInput(Input.Address, Input.Phone, Input.Email, Input.OpeningNotice), ct)))
        {
            FlashSuccess("Les coordonnées sont enregistrées.");
            return RedirectToPage();
        }
        StructureName = (await settings.GetAsync(ct)).StructureName;
        return Page();
    }

    public sealed class ContactForm
    {
        public string? Address { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
        public string? OpeningNotice { get; set; }
    }
}
