/** The Azerbaijani the option and argument descriptions of each command's own --help (keys help.opt.* / help.arg.* and the words of commander's help layout) (help-en.ts has the keys). */
import type { helpEn } from './help-en.js';

// Terms as docs/glossary.md fixes them. Flags, <values>, choice values (center, nearest…) and file
// names stay as the command line takes them; a choice value gets its meaning in parentheses.
export const helpAz: Record<keyof typeof helpEn, string> = {
  'help.layout.options': '[parametrlər]',
  'help.layout.command': '[əmr]',

  'help.arg.plan': 'plan faylı (susmaya görə: daxili DOST planı)',
  'help.arg.validate.files': 'plan faylları (YAML)',
  'help.arg.diff.a': 'əvvəlki plan (məsələn, main)',
  'help.arg.diff.b': 'sonrakı plan (məsələn, birləşmə sorğusundakı)',
  'help.arg.import.list':
    'xidmət obyektləri siyahısı: .xlsx (birinci vərəq, və ya --sheet), .csv və ya .geojson nöqtələri',

  'help.opt.alias': '{option} parametrinin əvvəlki adı',
  'help.opt.format': 'çıxış formatı: {formats}',
  'help.opt.format_note': 'çıxış formatı: {formats} ({note})',
  'help.opt.bom': '--format csv ilə: fayl UTF-8 BOM işarəsi ilə başlayır ki, Excel adları düzgün oxusun',
  'help.opt.out': 'nəticəni standart çıxış yerinə fayla yazır (atomar şəkildə)',
  'help.opt.year': 'il (susmaya görə: planın son ili)',
  'help.opt.kind': 'center (mərkəz) | branch (filial) | any (istənilən)',
  'help.opt.by': 'qruplaşdırma: {groupings}',
  'help.opt.population':
    'öz əhali faylınız: GeoTIFF rastri (WorldPop, GHS-POP, HRSL), H3 xanaları (Kontur GeoPackage və ya ' +
    'CSV `h3,population`), CSV `lat,lon,population[,region]` və ya GeoJSON nöqtələri',
  'help.opt.columns':
    'əhali faylının sütun adları fərqlidirsə: ROL=SÜTUN cütləri, məsələn `lat=Y,lon=X,population=pop` ' +
    '(rollar: `{roles}`)',
  'help.opt.sheet': '.xlsx əhali faylının vərəqi (susmaya görə: birincisi)',
  'help.opt.scale_to': 'hər inzibati vahid üzrə əhali faylının cəmini onun rəsmi (DSK) əhalisinə miqyaslayır',
  'help.opt.resolution':
    'əhali faylının xanalarını təxminən KM × KM ölçülü bloklarda birləşdirir (tez ilkin baxış üçün)',
  'help.opt.population_basis':
    'resident | registered: əhali faktiki yaşadığı yerə, ya da statistika orqanının qeydə aldığı yerə görə ' +
    '(susmaya görə: planınkı, o da yoxdursa `resident`)',
  'help.opt.circuity': 'əyrilik əmsalı: geodezik 1 km-ə düşən yol km-i, 1–3 (susmaya görə: planınkı, o da yoxdursa 1)',
  'help.opt.speed': 'yol müddəti üçün orta sürət, 1–200 km/saat (susmaya görə: planınkı, o da yoxdursa 40)',
  'help.opt.within_km': 'hər növ üçün əhatə həddi, km ilə (normaları əvəz edir)',
  'help.opt.within_min': 'hər növ üçün əhatə həddi, dəqiqə ilə',
  'help.opt.roads':
    'hərəkət bu yol şəbəkəsi üzrə: OpenStreetMap .osm.pbf və ya .osm, GeoJSON LineString xətləri, ESRI ' +
    'Shapefile (.dbf faylı yanında .shp, və ya zip arxivində, Geofabrik saytından gis_osm_roads_free_1 kimi), və ya ' +
    'GeoPackage (.gpkg) xətt qatı (--circuity/--speed əvəzinə)',
  'help.opt.roads_class_field':
    'yol sinfini saxlayan atribut, Shapefile və ya GeoPackage yol faylında (susmaya görə: highway, o da yoxdursa Geofabrik fayllarının fclass atributu)',
  'help.opt.roads_layer':
    'GeoPackage yol faylında bir neçə qat olduqda yol xətləri qatı (susmaya görə: yeganə qat, ya da adında *roads* olan qat)',
  'help.opt.roads_profile':
    'avtomobil (--mode walk ilə piyada) profilinin bir hissəsini əvəz edən YAML faylı (yol sinifləri üzrə sürətlər, yoldan kənar hərəkət)',
  'help.opt.mode':
    '--roads ilə: car (avtomobil) | walk (piyadanın keçə biləcəyi hər yol, 5 km/saat); susmaya görə: planınkı, o da yoxdursa `car`',

  'help.opt.validate.strict': 'xəbərdarlıqlar da uğursuz sayılır (çıxış kodu 1)',
  'help.opt.validate.format': 'github: GitHub Actions üçün annotasiyalar',

  'help.opt.coverage.covered_by':
    'distance (ən yaxın xidmət obyektinin norması daxilində) | assignment (obyektin xidmət etdiyi inzibati vahiddə) | both (hər ikisi)',

  'help.opt.distances.worst': 'ən pis xidmət alan N yeri ən yaxın xidmət obyekti ilə birgə sadalayır',
  'help.opt.distances.format': 'GeoJSON, --worst ilə CSV də: ən pis xidmət alan yerlər',

  'help.opt.timeline.delay': 'sınaq: xidmət obyektini daha gec açır (təkrarlana bilər; +Nm: N ay, +Ny: N il)',
  'help.opt.timeline.compare':
    'başqa bir qrafiki yanaşı göstərir: `announced` (planda elan olunmuş tarixlər) və ya plan faylı',
  'help.opt.timeline.strict': 'hədəfə çatılmayanda çıxış kodu 1 (CI üçün)',
  'help.opt.timeline.format': '--compare ilə: {formats}',

  'help.opt.capacity.catchment':
    'nearest (yol müddətinə görə ən yaxın fəaliyyətdə olan obyekt) | assignment (obyektin xidmət etdiyi inzibati ' +
    'vahidlər); susmaya görə: planın `demand.catchment` dəyəri, o da yoxdursa `nearest`',
  'help.opt.capacity.visits':
    'bir sakinin ildə müraciətlərinin sayı (susmaya görə: planın `demand` bölməsi, o da yoxdursa 0,2)',
  'help.opt.capacity.working_days':
    'xidmət obyektlərinin ildə işlədiyi günlər (susmaya görə: planınkı, o da yoxdursa 245)',
  'help.opt.capacity.overflow_max_min':
    'artıq yük ən yaxın obyektdən ən çoxu bu qədər dəqiqə uzağa yönəldilir (susmaya görə: planınkı, o da yoxdursa həddsiz)',
  'help.opt.capacity.method':
    'qəbul imkanı məhdud xidmət zonaları: auto (kiçik məsələdə HiGHS LP, əks halda minimum xərcli axın) | ' +
    'flow (yalnız minimum xərcli axın; `heuristic`: əvvəlki adı)',
  'help.opt.capacity.strict': 'hər hansı obyektin yüklənməsi 100 faizi keçəndə çıxış kodu 1 (CI üçün)',

  'help.opt.diff.format': 'md: birləşmə sorğusunda şərh üçün',

  'help.opt.optimize.model':
    'mclp (maksimal əhatə) | pmedian (p-median) | setcover (tam əhatə) | order (açılış ardıcıllığı) | ' +
    'capacity (yüklənməni azaldan yerlər və qəbul imkanları)',
  'help.opt.optimize.catchment':
    'capacity: xidmət zonaları ən yaxın obyektə və ya xidmət ərazisinə görə (susmaya görə: planın `demand.catchment` dəyəri)',
  'help.opt.optimize.sites': 'seçiləcək yeni yerlərin sayı (mclp, pmedian)',
  'help.opt.optimize.kind': 'center (mərkəz) | branch (filial): yeni yerlərin növü və onun norması',
  'help.opt.optimize.year':
    'planın bu ilin sonunda fəaliyyətdə olan obyektləri dəyişməz qalır (susmaya görə: planın son ili)',
  'help.opt.optimize.target': 'setcover: çatılmalı olan əhatə payı',
  'help.opt.optimize.candidates':
    'namizəd yerlər: CSV `lat,lon[,name,region]`, .xlsx vərəqi və ya GeoJSON (susmaya görə: əhalinin hər nöqtəsi)',
  'help.opt.optimize.candidates_columns':
    'namizədlər faylının sütun adları fərqlidirsə: ROL=SÜTUN cütləri, məsələn `lat=Y,lon=X,name=Yer`',
  'help.opt.optimize.exact':
    'məsələ kiçik olduqda onu HiGHS MILP həlledicisi ilə dəqiq də həll edir və optimallıq fərqini göstərir',
  'help.opt.optimize.budget_azn':
    'mclp: -k yerinə manatla büdcə: ona sığan və ən çox əhalini əhatə edən yerlər (namizədlərdə `build_cost` olmalıdır)',
  'help.opt.optimize.budget_years':
    '--budget-azn ilə: tikinti xərcinə bu qədər ilin `yearly_cost` xərcini də əlavə edir (susmaya görə 0: yalnız tikinti xərci)',
  'help.opt.optimize.budget': 'order: ildə açılışların sayı',
  'help.opt.optimize.budget_azn_per_year':
    'order: --budget yerinə manatla illik tikinti büdcəsi (hələ açılmamış obyektlərdə `build_cost` olmalıdır)',
  'help.opt.optimize.budget_covers':
    '--budget-azn-per-year ilə: build+running (susmaya görə: hər ilin büdcəsi ardıcıllıqla açılmış obyektlərin ' +
    '`yearly_cost` xərcini də, açılışdan sonrakı ildən başlayaraq ödəyir) | build (yalnız tikinti)',
  'help.opt.optimize.no_carry_over':
    '--budget-azn-per-year ilə: il ərzində xərclənməyən pul itir (susmaya görə: növbəti ilə keçir)',
  'help.opt.optimize.from': 'order: bu ildən sonra açılanları yenidən sıralayır (susmaya görə: planın ilk ili)',
  'help.opt.optimize.graph': 'plan yerinə OR-Library kitabxanasından p-median qraf məsələsini (pmed formatı) həll edir',

  'help.opt.report.year': 'xəritənin və cədvəllərin ili (susmaya görə: planın son ili)',
  'help.opt.report.measure':
    'xəritədə inzibati vahidlərin nəyə görə rənglənməsi: {measures} (gaps: yol müddəti xəritəsi və bütün normalardan kənarda yaşayan əhali)',
  'help.opt.report.map_only': 'yalnız xəritəni şərti işarələri ilə ayrıca SVG kimi yazır (slaydlar üçün)',
  'help.opt.report.out': 'HTML-i (--map-only ilə SVG-ni) standart çıxış yerinə fayla yazır (atomar şəkildə)',

  'help.opt.surface.cell_km': 'şəbəkə xanasının ölçüsü, {min}–{max} km',
  'help.opt.surface.format':
    'text (qısa xülasə) | geojson (izoxronlar və ya xidmət zonaları) | tif (GeoTIFF rastri; ' +
    '--out .tif ilə bitəndə susmaya görə budur)',
  'help.opt.surface.bands': 'izoxron hədləri, dəqiqə ilə, hər biri əvvəlkini də əhatə edir',
  'help.opt.surface.per_facility': '--format geojson ilə: fəaliyyətdə olan hər obyekt üçün ayrıca izoxronlar',
  'help.opt.surface.catchments': '--format geojson ilə: izoxronlar yerinə fəaliyyətdə olan hər obyektin xidmət zonası',
  'help.opt.surface.out': 'nəticəni fayla yazır (atomar şəkildə): rastr üçün FAYL.tif',

  'help.opt.gaps.top': 'mətn cədvəlində sadalanan yığınların sayı (CSV, GeoJSON və JSON hamısını verir)',

  'help.opt.import.columns': 'siyahının sütun adları fərqlidirsə: ROL=SÜTUN cütləri (rollar: `{roles}`)',
  'help.opt.import.sheet': '.xlsx siyahısının vərəqi (susmaya görə: birincisi)',
  'help.opt.import.name': 'planın adı (susmaya görə: siyahı faylının adı)',
  'help.opt.import.as_of':
    'statusu boş olan obyektin qiymətləndirildiyi gün: o günədək açılıbsa, fəaliyyətdədir (susmaya görə: bu gün)',
  'help.opt.import.facilities_only': 'yalnız `centers:` və `branches:` bölmələrini yazır',
  'help.opt.import.into': '`centers:` və `branches:` bölmələrini siyahıdakılarla əvəz edərək bu planı yazır',
  'help.opt.import.out':
    'planı standart çıxış yerinə fayla yazır (atomar şəkildə; heç vaxt giriş fayllarından birinin üzərinə yox)',

  'help.opt.serve.port': 'dinlənilən port (0: istənilən boş port)',
  'help.opt.serve.host': 'dinlənilən lokal ünvan (yalnız 127.0.0.1, ::1 və ya localhost)',

  'help.opt.schema.out': 'standart çıxış yerinə fayla yazır',
};
