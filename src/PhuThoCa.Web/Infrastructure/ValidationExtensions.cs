using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace PhuThoCa.Web.Infrastructure;

public static class ValidationExtensions
{
    /// <summary>Runs a FluentValidation validator explicitly and copies its messages next to the fields ("Input.Email").</summary>
    public static async Task<bool> ValidateIntoAsync<T>(this IValidator<T> validator, T input, ModelStateDictionary modelState,
        string prefix = "Input", CancellationToken cancellationToken = default)
    {
        var result = await validator.ValidateAsync(input, cancellationToken);
        foreach (var error in result.Errors)
        {
            var key = string.IsNullOrEmpty(prefix) ? error.PropertyName : $"{prefix}.{error.PropertyName}";
            modelState.AddModelError(key, error.ErrorMessage);
        }

        return result.IsValid && modelState.IsValid;
    }
}
