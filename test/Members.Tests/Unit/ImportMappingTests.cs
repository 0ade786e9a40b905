using CentresConnectes.Members.Application.Import;
using CentresConnectes.Members.Domain;
using Shouldly;
using Xunit;

namespace CentresConnectes.Members.Tests.Unit;

/// <summary>
/// The import's mapping is the catalogue's (<see cref="PersonFields"/>): every column is offered with
/// its wording, and every header the catalogue lists for a field is guessed back as that field.
/// </summary>
public sealed class ImportMappingTests
{
    [Fact]
    public void Every_import_field_is_one_column_of_the_mapping_with_its_wording()
    {
        ImportMapping.Columns.Select(c => c.Field).ShouldBe(Enum.GetValues<ImportField>(), ignoreOrder: true,
            "each ImportField is offered once: a person field through its PersonField.Import, else one of the import's own columns");
        ImportMapping.Columns.ShouldAllBe(c => !string.IsNullOrWhiteSpace(c.Label));
        ImportMapping.Columns.Select(c => c.Label).ShouldBeUnique();
        foreach (var field in ImportMapping.PersonColumns)
            ImportMapping.Label(field.Import!.Field).ShouldBe(field.Import.Label ?? field.Label);
    }

    [Fact]
    public void Every_header_the_catalogue_lists_is_guessed_back_as_its_field()
    {
        var columns = ImportMapping.Columns.Where(c => c.Field != ImportField.Ignore).ToList();
        columns.SelectMany(c => c.Synonyms).ShouldBeUnique("a header names one field only");
        foreach (var column in columns)
        {
            column.Synonyms.ShouldNotBeEmpty($"{column.Field} has no header to guess it from");
            foreach (var synonym in column.Synonyms)
            {
                synonym.ShouldBe(NameNormalizer.SortKey(synonym), $"« {synonym} » is compared with normalised headers: write it normalised");
                ImportMapping.Guess([synonym]).ShouldBe([column.Field], $"« {synonym} »");
            }
            ImportMapping.Guess([column.Label!]).ShouldBe([column.Field], $"the drop-down's « {column.Label} »");
        }
    }

    [Fact]
    public void A_register_export_is_guessed_back_column_by_column()
    {
        var exported = PersonFields.All.Where(f => f.Exported).ToList();
        exported.ShouldAllBe(f => f.Import != null, "an exported field can be imported back");
        ImportMapping.Guess(PersonFields.ExportedLabels(socialData: true)).ShouldBe(exported.Select(f => f.Import!.Field).ToList());
    }

    // Whole headers are matched before prefixes, and a one-word field followed by « de », « du »… names something else.
    [Theory]
    [InlineData("Nom de l'école")]
    [InlineData("Prénom du médecin")]
    [InlineData("Téléphone de l'école")]
    public void A_field_followed_by_of_something_is_something_else(string header) =>
        ImportMapping.Guess([header]).ShouldBe([ImportField.Ignore]);
}
