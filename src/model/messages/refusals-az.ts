/** The Azerbaijani refusals of the commands, renderers and analyses (refusals-en.ts has the keys). */
import type { refusalsEn } from './refusals-en.js';

export const refusalsAz: Record<keyof typeof refusalsEn, string> = {
  'refuse.bom_needs_csv': '--bom yalnız --format csv ilə işlədilir (Excel UTF-8 CSV faylını yalnız onunla düz oxuyur)',
  'refuse.format_not_here': '--format {format} burada mümkün deyil; bunlardan birini seçin: {formats}',
  'refuse.binary_to_terminal': '{what} ikili (binar) məlumatdır: onu --out FAYL ilə fayla yazın',
  'refuse.a_geotiff': 'GeoTIFF rastr',
  'refuse.out_empty': '--out üçün fayl adı lazımdır (və ya nəticəni standart çıxışa yazmaq üçün --out verməyin)',
  'refuse.out_dangling_link': '--out {out} heç yerə aparmayan simvolik keçiddir; onun vasitəsilə yazılmır',
  'refuse.out_is_an_input': '--out {out} giriş fayllarından biridir; onun üzərinə yazılmır',
  'refuse.out_is_the_input': '--out {out} {input} giriş faylıdır; onun üzərinə yazılmır',
  'refuse.out_is_directory': '--out {out} qovluqdur; onun içində fayl adı göstərin',
  'refuse.out_block_device': '--out {out} blok qurğusudur; ona yazılmır',
  'refuse.cannot_write': '{file} faylına yazmaq mümkün olmadı: {reason}',
  'refuse.stdout_failed': 'nəticəni standart çıxışa yazmaq mümkün olmadı: {reason}',
  'refuse.stdout_full': 'nəticəni standart çıxışa yazmaq mümkün olmadı: {reason} (disk doludur; nəticə yarımçıqdır)',
  'refuse.surface_layer_needs_geojson':
    '--per-facility və --catchments GeoJSON nəticələridir: --format geojson əlavə edin',
  'refuse.surface_one_layer': '--per-facility və --catchments parametrlərindən yalnız birini seçin',
  'refuse.serve_no_out': 'dostplan serve nəticə faylı yazmır: ssenarini və ya planı səhifədən saxlayın',
  'refuse.serve_loopback':
    '--host {host}: dostplan serve yalnız lokal ünvanda (127.0.0.1, ::1, localhost) işləyir; ' +
    'plan və onun qovluğu şəbəkədən əlçatan olmamalıdır',
  'refuse.port_in_use': '{port} portu məşğuldur: --port ilə başqasını seçin və ya --port 0 yazın',
  'refuse.port_privileged': '{port} portu üçün xüsusi icazə lazımdır: 1023-dən böyük port seçin və ya --port 0 yazın',
  'refuse.budget_per_year_needs_order':
    '--budget-azn-per-year yalnız `--model order` ilə işlədilir; yerlər üçün --budget-azn yazın',
  'refuse.budget_needs_mclp':
    '--budget-azn yalnız --model mclp ilə işlədilir (`order` üçün: --budget-azn-per-year), {model} ilə yox',
  'refuse.cell_km_range': '--cell-km {min} ilə {max} km arasında olmalıdır',
  'refuse.grid_too_large':
    'ölkə üzərində {cellKm} km-lik şəbəkədə {cells} xana var, bir icranın saxlaya biləcəyi {max} xanadan çox; ' +
    'daha böyük --cell-km seçin',
  'refuse.delay_form': '--delay {spec}: ID=+Nm və ya ID=+Ny şəklində yazın (məsələn, GAN=+6m)',
  'refuse.delay_too_long': '--delay {spec}: hər iki istiqamətdə ən çoxu {years} il',
  'refuse.delay_unknown_id': "--delay {spec}: '{id}' id-li xidmət obyekti yoxdur",
  'refuse.delay_unknown_id_near': "--delay {spec}: '{id}' id-li xidmət obyekti yoxdur; bəlkə '{near}' nəzərdə tutulub?",
  'refuse.site_no_build_cost':
    '{at}{name} üçün `build_cost` yoxdur; --budget-azn hər namizəd yer üçün onu tələb edir ' +
    '(manatla `build_cost` sütunu əlavə edin və ya bu yeri çıxarın)',
  'refuse.site_no_yearly_cost':
    '{at}{name} üçün `yearly_cost` yoxdur; --budget-years {years} ilin cari xərclərini də hesablayır ' +
    '(manatla `yearly_cost` sütunu əlavə edin və ya --budget-years parametrini çıxarın)',
  'refuse.order_no_build_cost':
    '{id} üçün `build_cost` yoxdur; --budget-azn-per-year 31 dekabr {year} tarixinə fəaliyyətdə olmayan hər xidmət obyekti üçün onu tələb edir ' +
    '(manatla `build_cost:` dəyərini plana və ya onun üzərində qurulan ssenariyə əlavə edin)',
  'refuse.strict_missed_one': '1 hədəfə çatılmayıb{also}',
  'refuse.strict_missed': '{n} hədəfə çatılmayıb{also}',
  'refuse.strict_acknowledged': ' (və planda səbəbi ilə qeyd olunmuş daha {n} hədəf)',
  'refuse.strict_full_one': '{year}: 1 xidmət obyektinin yüklənməsi 100\u00A0%-dən çoxdur: {which}',
  'refuse.strict_full': '{year}: {n} xidmət obyektinin yüklənməsi 100\u00A0%-dən çoxdur: {which}',
  'refuse.facility_use': '{id} {pct}\u00A0%',
  'refuse.note_delay': 'qeyd: --delay ilə: {message}',
  'refuse.note_delay_of': 'qeyd: --delay ilə, {facility}: {message}',
  'refuse.note_year_outside': 'qeyd: {year} planın illərindən ({from}–{to}) kənardadır',
  'refuse.imported':
    '{centers} mərkəz və {branches} filial idxal olundu; {guessed} obyektin təxmin edilmiş dəyərləri "# guessed:" ' +
    'ilə işarələnib; onları yoxlayın, sonra dostplan validate işlədin',
  'refuse.value.one_of': 'bunlardan biri gözlənilir: {choices}',
  'refuse.value.number_from': '{min} ilə {max} arasında ədəd gözlənilir',
  'refuse.value.number_above': '{min} ilə {max} arasında ədəd gözlənilir ({min} daxil deyil, {max} daxildir)',
  'refuse.value.whole': 'tam ədəd gözlənilir',
  'refuse.value.whole_at_least': 'tam ədəd gözlənilir (≥ {min})',
  'refuse.value.year': '{min} ilə {max} arasında il gözlənilir, məsələn, 2025',
  'refuse.value.day': 'gün YYYY-MM-DD şəklində gözlənilir',
  'refuse.value.port': '0 (istənilən boş port) ilə 65535 arasında port nömrəsi gözlənilir',
  'refuse.value.years_ahead': '0 ilə 100 arasında tam illər sayı gözlənilir',
  'refuse.value.bands':
    'vergüllə ayrılmış, artan sıra ilə ən çoxu {max} dəqiqə həddi gözlənilir, hər biri 1 ilə {maxMinutes} arasında, məsələn, 15,30,60',
  'refuse.cli.unknown_option': "xəta: naməlum parametr '{option}'",
  'refuse.cli.unknown_command': "xəta: naməlum əmr '{command}'",
  'refuse.cli.did_you_mean': '(Bəlkə {names} nəzərdə tutulub?)',
  'refuse.cli.did_you_mean_one_of': '(Bəlkə bunlardan biri nəzərdə tutulub: {names}?)',
  'refuse.cli.missing_argument': "xəta: tələb olunan '{argument}' arqumenti verilməyib",
  'refuse.cli.option_missing_value': "xəta: '{option}' parametrinin dəyəri verilməyib",
  'refuse.cli.invalid_value': "xəta: '{option}' parametrinin '{value}' dəyəri yanlışdır: {reason}",
  'refuse.cli.allowed_choices': 'mümkün dəyərlər: {choices}.',
  'refuse.cli.too_many_arguments': "xəta: '{command}' üçün arqument çoxdur: {expected} gözlənilir, {got} verilib.",
  'refuse.cli.arguments': '{n} arqument',
  'refuse.cli.one_argument': '1 arqument',
  'refuse.cli.help_after_error': '(istifadə qaydası üçün: dostplan --help)',
  'refuse.internal_error': 'daxili xəta: {reason}\nZəhmət olmasa, bu barədə işlətdiyiniz əmrlə birlikdə məlumat verin.',
};
